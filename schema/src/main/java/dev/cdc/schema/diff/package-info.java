/** Structured schema changes and the diff that derives them from two table schema versions. */
package dev.cdc.schema.diff;
