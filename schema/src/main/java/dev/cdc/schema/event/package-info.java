/** Schema-change events on {@code <topic.prefix>.schema-changes}: model, Connect writer and parser. */
package dev.cdc.schema.event;
