/** Table schema model, its Connect mapping, schema diff and schema-change events. */
package dev.cdc.schema;
