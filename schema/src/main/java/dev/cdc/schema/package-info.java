/**
 * The schema model shared by sources and sinks: {@link dev.cdc.schema.TableId},
 * {@link dev.cdc.schema.ColumnType}, {@link dev.cdc.schema.Column} and
 * {@link dev.cdc.schema.TableSchema}. Subpackages map it to Connect schemas ({@code connect}),
 * compare versions ({@code diff}), carry schema-change events ({@code event}) and keep the schema
 * valid at each source position ({@code history}). Nothing here knows a particular database or sink.
 */
package dev.cdc.schema;
