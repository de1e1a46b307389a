-- the same users as the local stack: cdc (replication, read) and cdc_admin (tests, quickstart)
CREATE USER IF NOT EXISTS 'cdc'@'%' IDENTIFIED BY 'cdc';
GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'cdc'@'%';
CREATE USER IF NOT EXISTS 'cdc_admin'@'%' IDENTIFIED BY 'cdc_admin';
GRANT ALL PRIVILEGES ON *.* TO 'cdc_admin'@'%' WITH GRANT OPTION;
