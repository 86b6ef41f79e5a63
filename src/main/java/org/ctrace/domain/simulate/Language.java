package org.ctrace.domain.simulate;

/** The language of simulated names: pinyin-like Latin letters, or Chinese characters. */
public enum Language {
    /** Pinyin-like names: {@code Wang Xiuying}, {@code Liuzhuang Town}. */
    EN,
    /** Chinese names: {@code 王秀英}, {@code 柳庄镇}. */
    ZH
}
