package org.claimwire.security;

import java.util.List;

/**
 * Where a service with a database keeps its copy of the keys (ingest and query: a table in their own schema;
 * nlp has none and relies on the key topic alone). A service provides one as a CDI bean.
 */
public interface KeyStore {
    List<ApiKey> loadAll() throws Exception;

    /** Inserts or updates; a stored revocation is never undone. */
    void save(ApiKey key) throws Exception;
}
