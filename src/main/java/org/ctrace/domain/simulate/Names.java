package org.ctrace.domain.simulate;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * Names of places and persons, built from common syllables, in Chinese characters or
 * pinyin. Each syllable exists in both, so a seed gives the same structure in either language.
 */
final class Names {

    private static final String PLACE_ZH = "东西南北青河华溪柳庄石桥新安平山水湖林杨高马长兴和丰宁永福云龙凤金花桃梅松竹岭坪塘湾营屯里园城阳明光泉沙田上下前后白红黄";
    private static final String[] PLACE_PY = {"Dong", "Xi", "Nan", "Bei", "Qing", "He", "Hua", "Xi", "Liu",
        "Zhuang", "Shi", "Qiao", "Xin", "An", "Ping", "Shan", "Shui", "Hu", "Lin", "Yang", "Gao", "Ma", "Chang",
        "Xing", "He", "Feng", "Ning", "Yong", "Fu", "Yun", "Long", "Feng", "Jin", "Hua", "Tao", "Mei", "Song",
        "Zhu", "Ling", "Ping", "Tang", "Wan", "Ying", "Tun", "Li", "Yuan", "Cheng", "Yang", "Ming", "Guang",
        "Quan", "Sha", "Tian", "Shang", "Xia", "Qian", "Hou", "Bai", "Hong", "Huang"};

    /** Roughly in order of frequency, so that drawing low indices more often looks right. */
    private static final String FAMILY_ZH = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹";
    private static final String[] FAMILY_PY = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao",
        "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie",
        "Song", "Tang", "Xu", "Han", "Feng", "Deng", "Cao"};

    private static final String GIVEN_ZH = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚华慧红建兰梅浩宇欣博晨海琳宁凯瑞婷文志英国玉桂荣雪子涵怡轩";
    private static final String[] GIVEN_PY = {"Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun",
        "Yang", "Yong", "Yan", "Jie", "Juan", "Tao", "Ming", "Chao", "Xiu", "Xia", "Ping", "Gang", "Hua", "Hui",
        "Hong", "Jian", "Lan", "Mei", "Hao", "Yu", "Xin", "Bo", "Chen", "Hai", "Lin", "Ning", "Kai", "Rui",
        "Ting", "Wen", "Zhi", "Ying", "Guo", "Yu", "Gui", "Rong", "Xue", "Zi", "Han", "Yi", "Xuan"};

    private static final String[] MOBILE_PREFIXES = {"13", "15", "17", "18", "19"};

    private final Language language;

    Names(Language language) {
        this.language = language;
        if (PLACE_ZH.length() != PLACE_PY.length || FAMILY_ZH.length() != FAMILY_PY.length
                || GIVEN_ZH.length() != GIVEN_PY.length) {
            throw new IllegalStateException("syllable tables differ in length");
        }
    }

    /** A family name index, common names more often. */
    int family(SplittableRandom r) {
        double u = r.nextDouble();
        return (int) (u * u * FAMILY_PY.length);
    }

    String city(SplittableRandom r) {
        return place(r, "市", " City", "");
    }

    String district(SplittableRandom r, Set<String> taken) {
        return unique(r, taken, "区", " District");
    }

    /** A town; about a third are urban subdistricts (街道) rather than towns (镇). */
    String town(SplittableRandom r, Set<String> taken) {
        return r.nextInt(3) == 0 ? unique(r, taken, "街道", " Subdistrict") : unique(r, taken, "镇", " Town");
    }

    String village(SplittableRandom r, Set<String> taken) {
        return unique(r, taken, "村", " Village");
    }

    /** A person of the given family: one or two given syllables. */
    String person(int family, SplittableRandom r) {
        int g1 = r.nextInt(GIVEN_PY.length);
        int g2 = r.nextInt(5) < 3 ? r.nextInt(GIVEN_PY.length) : -1;
        if (language == Language.ZH) {
            StringBuilder b = new StringBuilder(3).append(FAMILY_ZH.charAt(family)).append(GIVEN_ZH.charAt(g1));
            return g2 < 0 ? b.toString() : b.append(GIVEN_ZH.charAt(g2)).toString();
        }
        String given = g2 < 0 ? GIVEN_PY[g1] : join(GIVEN_PY[g1], GIVEN_PY[g2]);
        return FAMILY_PY[family] + " " + given;
    }

    /** A mobile number: eleven digits, about one in twenty written with the country code. */
    static String phone(SplittableRandom r) {
        char[] digits = new char[11];
        String prefix = MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)];
        digits[0] = prefix.charAt(0);
        digits[1] = prefix.charAt(1);
        for (int i = 2; i < digits.length; i++) {
            digits[i] = (char) ('0' + r.nextInt(10));
        }
        String number = new String(digits);
        return r.nextInt(20) == 0 ? "+86 " + number : number;
    }

    private String unique(SplittableRandom r, Set<String> taken, String zhSuffix, String enSuffix) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String name = place(r, zhSuffix, enSuffix, "");
            if (taken.add(name)) {
                return name;
            }
        }
        // Only a very large parent runs out of two-syllable names: number the rest.
        for (int n = 2; ; n++) {
            String name = place(r, zhSuffix, enSuffix, Integer.toString(n));
            if (taken.add(name)) {
                return name;
            }
        }
    }

    /** Two different syllables, an optional number (一村, 二村 are common too) and the suffix. */
    private String place(SplittableRandom r, String zhSuffix, String enSuffix, String number) {
        int a = r.nextInt(PLACE_PY.length);
        int b = r.nextInt(PLACE_PY.length - 1);
        if (b >= a) {
            b++;
        }
        if (language == Language.ZH) {
            return "" + PLACE_ZH.charAt(a) + PLACE_ZH.charAt(b) + number + zhSuffix;
        }
        return join(PLACE_PY[a], PLACE_PY[b]) + (number.isEmpty() ? "" : " " + number) + enSuffix;
    }

    /** Two syllables as one pinyin word, with an apostrophe where the second starts with a vowel (Xi'an). */
    private static String join(String first, String second) {
        char c = second.charAt(0);
        String sep = c == 'A' || c == 'E' || c == 'O' ? "'" : "";
        return first + sep + Character.toLowerCase(c) + second.substring(1);
    }
}
