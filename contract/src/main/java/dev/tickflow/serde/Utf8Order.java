package dev.tickflow.serde;

import java.util.Comparator;

/**
 * The order of strings by their UTF-8 bytes, which is the order of their code points: the order in which Kafka Streams'
 * byte-keyed stores (and so their iterators and prefix scans) keep string keys. {@link String#compareTo} orders UTF-16
 * units instead, which differs for characters outside the Basic Multilingual Plane.
 */
public final class Utf8Order {
    public static final Comparator<String> COMPARATOR = Utf8Order::compare;

    private Utf8Order() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int left = a.codePointAt(i);
            int right = b.codePointAt(j);
            if (left != right) {
                return Integer.compare(left, right);
            }
            i += Character.charCount(left);
            j += Character.charCount(right);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
