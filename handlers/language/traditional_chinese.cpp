#include "handlers/language/traditional_chinese.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// Pairs of Traditional → Simplified characters, one pair per word. This is not a full converter:
// it covers the command words (報到 簽到 簽退 積分 兌換 報事 辦結 評價 撤銷 幫助 選單 統計 綁定
// 驗收 確認 請假 核銷 點單 派單 接單 上報 …), the slot words (號 樓 單元 網格 週 時 點 兩 個 鐘 …)
// and common words of task and ticket texts, so that titles read in one script.
constexpr std::string_view kPairs =
    // command words
    "報报 簽签 積积 兌兑 換换 辦办 結结 評评 價价 銷销 幫帮 選选 單单 統统 計计 綁绑 驗验 確确 認认 "
    "請请 點点 務务 願愿 滿满 記记 錄录 "
    // slot words: numbers, times, places
    "號号 樓楼 棟栋 網网 週周 時时 兩两 個个 倆俩 鐘钟 禮礼 後后 區区 層层 園园 間间 "
    // people, the org and the catalog
    "員员 義义 誌志 隊队 長长 書书 張张 陳陈 趙赵 錢钱 孫孙 鄭郑 馮冯 吳吴 劉刘 楊杨 黃黄 華华 錦锦 "
    "業业 參参 與与 糧粮 費费 貨货 購购 買买 藥药 鏡镜 醫医 獎奖 勵励 贈赠 領领 "
    // words of task and ticket texts
    "燈灯 壞坏 電电 開开 關关 門门 雜杂 環环 衛卫 潔洁 掃扫 車车 問问 題题 處处 發发 總总 數数 準准 "
    "備备 續续 應应 當当 該该 嗎吗 麼么 麽么 謝谢 會会 動动 說说 話话 讓让 給给 對对 從从 還还 沒没 "
    "無无 氣气 燒烧 塊块 擺摆 東东 歲岁 樣样 為为 實实 見见 現现 這这 們们 來来 歡欢 聽听 讀读 寫写 "
    "於于 裡里 裏里 邊边 將将 圖图 過过 麵面 飯饭 戶户 線线 紀纪 傳传 據据 審审 轉转 態态 狀状 "
    "況况 標标 極极 紙纸 聯联 繫系 係系 館馆 廳厅 廣广 場场 遠远 頭头 鄰邻 鄉乡 齡龄 懷怀 隨随 約约 "
    "優优 質质 圍围 護护 紅红 閒闲 閑闲 離离 風风 愛爱 幾几 萬万 億亿 漢汉 語语 學学 習习 務务 飲饮 "
    "淨净 壓压 險险 災灾 煙烟 聲声 溝沟 橋桥 綠绿 樹树 葉叶 齊齐 帶带 組组 織织 級级 鬧闹 團团 "
    "邏逻 診诊 測测 體体 溫温 資资 訪访 慶庆 節节 鏟铲 牆墙 塗涂 鴉鸦 違违 糾纠 紛纷 遷迁 觸触 檢检 "
    "產产 熱热 輛辆 邊边 濕湿 乾干 髒脏 亂乱 舊旧 蓋盖 備备";

using Pair = std::pair<char32_t, char32_t>;

std::vector<Pair> build_table() {
  std::vector<Pair> table;
  for (std::size_t pos = 0; pos < kPairs.size();) {
    const CodePoint from = decode_utf8(kPairs, pos);
    const CodePoint to = decode_utf8(kPairs, pos + from.length);
    if (from.value != U' ' && to.length > 0) table.emplace_back(from.value, to.value);
    pos += from.value == U' ' ? from.length : from.length + to.length;
  }
  std::sort(table.begin(), table.end());
  // A character listed twice keeps its first mapping; both spellings agree anyway.
  table.erase(std::unique(table.begin(), table.end(),
                          [](const Pair& a, const Pair& b) { return a.first == b.first; }),
              table.end());
  return table;
}

}  // namespace

char32_t to_simplified(char32_t cp) {
  if (cp < 0x4E00) return cp;  // Every listed character is a CJK ideograph.
  static const std::vector<Pair> table = build_table();
  const auto it = std::lower_bound(table.begin(), table.end(), cp,
                                   [](const Pair& pair, char32_t key) { return pair.first < key; });
  return (it != table.end() && it->first == cp) ? it->second : cp;
}

}  // namespace whistle::language
