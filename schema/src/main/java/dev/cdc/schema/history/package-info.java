/** The schema of each table valid at each source position, and its durable encoding. */
package dev.cdc.schema.history;
