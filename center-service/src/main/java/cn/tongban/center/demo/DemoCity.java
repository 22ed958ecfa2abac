package cn.tongban.center.demo;

import cn.tongban.contracts.CenterCode;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What the demo data needs to know about a center's city: the district codes its residents' identity
 * numbers start with, the usual contribution rates and a typical contribution base.
 *
 * @param shortName prefix of company names (北京, 上海 …), empty for a city not in the table
 * @param districts administrative division codes (GB/T 2260) of the city's districts, including a few
 *        abolished ones (北京 崇文 110103, 宣武 110104) that older identity numbers still carry
 * @param typicalRate the rate most employers use, both sides (Beijing 12, Shanghai 7, Guangzhou 5)
 * @param minRate lowest rate the city allows
 * @param maxRate highest rate the city allows
 * @param medianBase median monthly contribution base in yuan
 */
record DemoCity(String shortName, List<String> districts, int typicalRate, int minRate, int maxRate, int medianBase) {

    private static final Map<String, DemoCity> KNOWN = Map.ofEntries(
            Map.entry("110000", new DemoCity("北京",
                    List.of("110101", "110102", "110103", "110104", "110105", "110106", "110107", "110108"),
                    12, 5, 12, 11_000)),
            Map.entry("310000", new DemoCity("上海",
                    List.of("310101", "310103", "310104", "310105", "310106", "310107", "310108", "310109",
                            "310110", "310112", "310113", "310114", "310115"),
                    7, 5, 7, 11_500)),
            Map.entry("440100", new DemoCity("广州",
                    List.of("440103", "440104", "440105", "440106", "440111", "440112", "440113", "440114",
                            "440115"),
                    5, 5, 12, 8_500)),
            Map.entry("440300", new DemoCity("深圳",
                    List.of("440303", "440304", "440305", "440306", "440307", "440308"), 5, 5, 12, 10_000)),
            Map.entry("330100", new DemoCity("杭州",
                    List.of("330102", "330105", "330106", "330108", "330109", "330110"), 12, 5, 12, 9_000)),
            Map.entry("320100", new DemoCity("南京",
                    List.of("320102", "320104", "320105", "320106", "320111", "320113"), 12, 5, 12, 8_500)),
            Map.entry("510100", new DemoCity("成都",
                    List.of("510104", "510105", "510106", "510107", "510108"), 12, 5, 12, 7_000)),
            Map.entry("420100", new DemoCity("武汉",
                    List.of("420102", "420103", "420104", "420105", "420106", "420107"), 12, 5, 12, 7_000)),
            Map.entry("120000", new DemoCity("天津",
                    List.of("120101", "120102", "120103", "120104", "120105", "120106"), 11, 5, 12, 7_500)),
            Map.entry("500000", new DemoCity("重庆",
                    List.of("500103", "500104", "500105", "500106", "500107", "500108"), 12, 5, 12, 6_500)));

    /** Birthplaces of people who moved to the city: district codes across the country. */
    static final List<String> ELSEWHERE = List.of(
            "130102", "130602", "320102", "320583", "410105", "411302", "510104", "511302", "420102", "430102",
            "370102", "370702", "340102", "360102", "610103", "230102", "210102", "350102", "450102", "500103",
            "220102", "140105", "440513", "445102", "441202", "330102", "130203", "410302", "421002", "431102");

    static DemoCity of(CenterCode center) {
        DemoCity known = KNOWN.get(center.value());
        if (known != null) {
            return known;
        }
        // a city not in the table: its own first district codes, the national typical rate
        String code = center.value();
        List<String> districts = code.endsWith("0000")
                ? IntStream.rangeClosed(1, 5).mapToObj(i -> code.substring(0, 2) + "01%02d".formatted(i)).toList()
                : IntStream.rangeClosed(2, 6).mapToObj(i -> code.substring(0, 4) + "%02d".formatted(i)).toList();
        return new DemoCity("", districts, 12, 5, 12, 7_000);
    }

    boolean isKnown() {
        return !shortName.isEmpty();
    }
}
