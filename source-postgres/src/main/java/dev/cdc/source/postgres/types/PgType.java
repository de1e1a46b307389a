package dev.cdc.source.postgres.types;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A row of {@code pg_type} with what the mapping needs.
 *
 * @param oid          the type's oid
 * @param namespace    its schema
 * @param name         {@code typname}, e.g. {@code int4}, {@code _int4} (array), {@code mood} (an enum)
 * @param typeType     {@code typtype}: b base, e enum, d domain, c composite, r range, m multirange, p pseudo
 * @param category     {@code typcategory}: A for arrays
 * @param elementOid   {@code typelem} of an array type, else 0
 * @param baseTypeOid  {@code typbasetype} of a domain, else 0
 * @param baseTypeModifier {@code typtypmod} of a domain, -1 when none
 * @param enumLabels   the labels of an enum in sort order, else empty
 */
public record PgType(int oid, String namespace, String name, char typeType, char category, int elementOid, int baseTypeOid,
        int baseTypeModifier, List<String> enumLabels) {
    public PgType {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(name, "name is null");
        enumLabels = List.copyOf(enumLabels);
    }

    public boolean isArray() {
        return category == 'A' && elementOid != 0;
    }

    public boolean isEnum() {
        return typeType == 'e';
    }

    public boolean isDomain() {
        return typeType == 'd' && baseTypeOid != 0;
    }

    /** The name as {@code format_type} would give it for messages: {@code public.mood}, {@code int4}. */
    public String qualifiedName() {
        return namespace.equals("pg_catalog") ? name : namespace + "." + name;
    }
}
