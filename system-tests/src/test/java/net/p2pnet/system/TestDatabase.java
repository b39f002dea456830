package net.p2pnet.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the postgres-profile tests use: a Testcontainers PostgreSQL 16 where a Docker engine
 * is reachable, else the server on 127.0.0.1:5432 (database {@code test}, user {@code postgres}, as CI
 * machines without an engine have; {@code -Dp2pnet.test.db-url} and {@code -Dp2pnet.test.db-user}
 * point elsewhere).
 */
record TestDatabase(String url, String user, String password) {

    private static TestDatabase shared;

    /** One database for the whole test run; the container stops with the JVM (Testcontainers' Ryuk). */
    static synchronized TestDatabase get() {
        if (shared == null) {
            shared = DockerClientFactory.instance().isDockerAvailable() ? container() : local();
        }
        return shared;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @SuppressWarnings("resource") // lives as long as the test JVM
    private static TestDatabase container() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16");
        postgres.start();
        return new TestDatabase(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    private static TestDatabase local() {
        return new TestDatabase(System.getProperty("p2pnet.test.db-url", "jdbc:postgresql://127.0.0.1:5432/test"),
                System.getProperty("p2pnet.test.db-user", "postgres"), "");
    }
}
