package org.claimwire.containers;

import java.math.BigDecimal;

/** Kubernetes resource quantities ("512Mi", "2", "250m") in Docker's units (bytes, nano-CPUs). */
final class Quantities {
    private Quantities() {
    }

    static long bytes(String quantity) {
        String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"k", "1000"},
            {"M", "1000000"}, {"G", "1000000000"}};
        for (String[] s : suffixes) {
            if (quantity.endsWith(s[0])) {
                return new BigDecimal(quantity.substring(0, quantity.length() - s[0].length()))
                        .multiply(new BigDecimal(s[1])).longValueExact();
            }
        }
        return new BigDecimal(quantity).longValueExact();
    }

    static long nanoCpus(String quantity) {
        BigDecimal cpus = quantity.endsWith("m")
                ? new BigDecimal(quantity.substring(0, quantity.length() - 1)).movePointLeft(3)
                : new BigDecimal(quantity);
        return cpus.movePointRight(9).longValueExact();
    }
}
