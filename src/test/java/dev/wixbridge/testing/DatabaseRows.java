package dev.wixbridge.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads (and, to age a row, writes) the database the server under test uses, over plain JDBC. */
public final class DatabaseRows {

    private final String url;
    private final String user;

    public DatabaseRows(String url, String user) {
        this.url = url;
        this.user = user;
    }

    public long count(String sql, Object... parameters) {
        return query(sql, parameters, rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    public Optional<Map<String, Object>> installation(String instanceId) {
        return query("SELECT * FROM installation WHERE instance_id = ?", new Object[] {instanceId}, rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
            }
            return Optional.of(row);
        });
    }

    public long installations(String instanceId) {
        return count("SELECT COUNT(*) FROM installation WHERE instance_id = ?", instanceId);
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Object[] parameters, RowReader<T> reader) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rs = statement.executeQuery()) {
            return reader.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
