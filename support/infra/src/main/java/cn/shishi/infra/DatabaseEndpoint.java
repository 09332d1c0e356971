package cn.shishi.infra;

/** Where the services find PostgreSQL. */
public record DatabaseEndpoint(String jdbcUrl, String user, String password) {}
