package dev.rover.core.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    private static final String SOURCE = "ROVER_DATABASE_URL";

    @Test
    void postgresUrlsBecomeJdbcUrlsWithTheCredentialsAsOptions() {
        assertThat(DatabaseUrl.toJdbc("postgres://bob:s3cret@db.local:5433/rover", SOURCE))
                .isEqualTo("jdbc:postgresql://db.local:5433/rover?user=bob&password=s3cret");
        assertThat(DatabaseUrl.toJdbc("postgresql://db.local/rover?sslmode=require", SOURCE))
                .isEqualTo("jdbc:postgresql://db.local/rover?sslmode=require");
        assertThat(DatabaseUrl.toJdbc("postgres://bob@db.local/rover", SOURCE))
                .isEqualTo("jdbc:postgresql://db.local/rover?user=bob");
        assertThat(DatabaseUrl.toJdbc(" postgres://bob:p%40ss%26w+rd@10.0.0.5:5432/rover?ssl=true ", SOURCE))
                .as("percent-encoded characters are kept, + stays a plus")
                .isEqualTo("jdbc:postgresql://10.0.0.5:5432/rover?user=bob&password=p%40ss%26w%2Brd&ssl=true");
    }

    @Test
    void jdbcUrlsPassThrough() {
        assertThat(DatabaseUrl.toJdbc("jdbc:postgresql://h:5432/rover?user=u", SOURCE))
                .isEqualTo("jdbc:postgresql://h:5432/rover?user=u");
        assertThat(DatabaseUrl.toJdbc("jdbc:sqlite:/data/rover.db", SOURCE)).isEqualTo("jdbc:sqlite:/data/rover.db");
    }

    @Test
    void badUrlsAreRefusedNamingTheSourceButNeverTheCredentials() {
        assertThatThrownBy(() -> DatabaseUrl.toJdbc("  ", SOURCE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROVER_DATABASE_URL is empty");
        assertThatThrownBy(() -> DatabaseUrl.toJdbc("mysql://bob:hunter22@db/rover", SOURCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROVER_DATABASE_URL 'mysql://db/rover' is not a database URL Rover knows")
                .hasMessageNotContaining("hunter22");
        assertThatThrownBy(() -> DatabaseUrl.toJdbc("postgres://bob:hunter22@db.local:5432/", SOURCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no database")
                .hasMessageNotContaining("hunter22");
        assertThatThrownBy(() -> DatabaseUrl.toJdbc("postgres://bob:hunter22@/rover", SOURCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no host")
                .hasMessageNotContaining("hunter22");
    }
}
