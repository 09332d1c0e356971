package cn.shishi.contract.report;

/** One thing wrong with a request, located by a JSON pointer (RFC 6901) into its body. */
public record Violation(String pointer, String detail) {}
