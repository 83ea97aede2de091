/**
 * What generated sample leads are made of: a small seeded random generator (the same numbers
 * for the same seed, so every run builds the same leads) and common Chinese names. The demo
 * sheet is built on it; the benchmarks take their names and numbers from it too, so the demo
 * and the benchmarks' sheets look alike. Pure.
 */

/** A linear congruential generator: numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Common surnames, one character each, most common first. */
export const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余";

/** Common given names, one or two characters, most common first. */
export const GIVEN_NAMES: readonly string[] = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀英",
  "霞",
  "平",
  "刚",
  "桂英",
  "建华",
  "志强",
  "晓燕",
  "海燕",
  "春梅",
  "国庆",
  "丹",
  "鹏",
  "玲",
  "浩",
  "宇",
  "欣怡",
  "子涵",
  "雨轩",
  "思远",
  "佳怡",
  "梓萱",
  "一鸣",
];
