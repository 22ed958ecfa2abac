package cn.tongban.center.demo;

import java.util.List;
import java.util.SplittableRandom;

/** Chinese personal and company names for demo data, drawn so that common surnames are common. */
final class DemoNames {

    /** Roughly by frequency: 王 李 张 刘 陈 first. */
    private static final String SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
            + "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String MALE = "伟强磊军洋勇杰涛明超斌浩鹏辉刚俊峰建华飞鑫波宇晨博文志凯鸿亮国平东海林";
    private static final String FEMALE = "芳娜敏静丽艳娟霞燕玲婷雪琳倩颖慧洁欣悦蕾萍红梅琴晶璐佳雅怡瑶秀英兰莉";
    private static final String EITHER = "子思嘉春晓一宁心雨安";

    private static final String BRAND_FIRST = "华中恒新宏博天鼎金瑞安远嘉联东汇明正长同信益盛泰达国海京锦卓智创德康永和富佳润兴";
    private static final String BRAND_SECOND = "信科达元远瑞成盛桥丰泰航禾创方通德阳青辉源图捷迅宇诚鑫隆邦拓维景越凯峰杰博华安晟";
    private static final List<String> INDUSTRIES = List.of(
            "科技", "信息技术", "建筑工程", "商贸", "物流", "餐饮管理", "医药", "文化传媒", "电子", "机械制造",
            "教育咨询", "物业管理", "环保科技", "生物科技", "软件", "网络科技", "数据科技", "汽车销售服务",
            "装饰工程", "人力资源服务");
    /** Numbered public institutions and how high their numbers go in a big city. */
    private static final List<String> INSTITUTIONS = List.of("中学", "人民医院", "幼儿园");
    private static final int[] INSTITUTION_NUMBERS = {99, 12, 30};
    private static final String[] NUMERALS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private DemoNames() {
    }

    /** 王伟, 李思琪: a surname and one or two characters; the neutral ones (子, 思 …) only come first. */
    static String person(SplittableRandom random, boolean male) {
        double u = random.nextDouble();
        char surname = SURNAMES.charAt((int) (SURNAMES.length() * u * u));
        String gendered = male ? MALE : FEMALE;
        StringBuilder name = new StringBuilder().append(surname);
        if (random.nextInt(10) < 3) {
            return name.append(gendered.charAt(random.nextInt(gendered.length()))).toString();
        }
        String first = gendered + EITHER;
        name.append(first.charAt(random.nextInt(first.length())));
        char second = gendered.charAt(random.nextInt(gendered.length()));
        if (second == name.charAt(1) && random.nextInt(4) != 0) {
            second = gendered.charAt((gendered.indexOf(second) + 1) % gendered.length()); // 婷婷 happens, less often
        }
        return name.append(second).toString();
    }

    /** A company name, distinct for indexes below {@link #companyNames()}: 北京华信科技有限公司. */
    static String company(String city, long index, SplittableRandom random) {
        // a step coprime with the number of names spreads neighbours over brands and industries
        long k = Math.floorMod(index * 7919L + 104_729L, companyNames());
        int industry = (int) (k % INDUSTRIES.size());
        k /= INDUSTRIES.size();
        int second = (int) (k % BRAND_SECOND.length());
        int first = (int) (k / BRAND_SECOND.length());
        int form = random.nextInt(20);
        return city + BRAND_FIRST.charAt(first) + BRAND_SECOND.charAt(second) + INDUSTRIES.get(industry)
                + (form < 14 ? "有限公司" : form < 17 ? "股份有限公司" : "有限责任公司");
    }

    static long companyNames() {
        return (long) BRAND_FIRST.length() * BRAND_SECOND.length() * INDUSTRIES.size();
    }

    /** A public institution (事业单位): 北京市第三十五中学, 上海市第六人民医院. */
    static String institution(String city, SplittableRandom random) {
        int kind = random.nextInt(INSTITUTIONS.size());
        return city + "市第" + numeral(random.nextInt(1, INSTITUTION_NUMBERS[kind] + 1)) + INSTITUTIONS.get(kind);
    }

    /** 1 to 99 in Chinese: 三, 十二, 三十五. */
    static String numeral(int n) {
        if (n < 10) {
            return NUMERALS[n];
        }
        return (n / 10 == 1 ? "" : NUMERALS[n / 10]) + "十" + NUMERALS[n % 10];
    }
}
