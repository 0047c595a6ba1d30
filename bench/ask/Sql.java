import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Runs one SQL statement and prints the first column of each row (the benchmark's psql stand-in). */
public class Sql {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "claimwire", "claimwire");
             Statement s = c.createStatement()) {
            if (s.execute(args[1])) {
                try (ResultSet rs = s.getResultSet()) {
                    while (rs.next()) {
                        System.out.println(rs.getString(1));
                    }
                }
            }
        }
    }
}
