/** Mapping between the schema model and Kafka Connect schemas, both ways, Debezium-compatible. */
package dev.cdc.schema.connect;
