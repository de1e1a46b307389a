-- the same roles as the local stack: cdc (login, replication, owns database cdc) and cdc_admin
CREATE ROLE cdc LOGIN REPLICATION CREATEDB PASSWORD 'cdc';
CREATE DATABASE cdc OWNER cdc;
CREATE ROLE cdc_admin LOGIN SUPERUSER PASSWORD 'cdc_admin';
