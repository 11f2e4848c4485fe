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
// and the common characters of task and ticket texts whose Simplified form differs, so that titles
// read in one script. A character with two Simplified readings by word (著 → 着 or 著) is left alone.
constexpr std::string_view kPairs =
    // command words
    "報报 簽签 積积 兌兑 換换 辦办 結结 評评 價价 銷销 幫帮 選选 單单 統统 計计 綁绑 驗验 確确 認认 "
    "請请 點点 務务 願愿 滿满 満满 記记 錄录 "
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
    "訴诉 進进 決决 閉闭 調调 補补 碼码 歸归 洩泄 暈晕 鬥斗 擊击 傷伤 饋馈 癱瘫 顧顾 壺壶 鍋锅 啟启 採采 "
    "錯错 誤误 剛刚 廚厨 維维 馬马 兒儿 輪轮 夠够 擾扰 貓猫 損损 縫缝 滲渗 頂顶 蟲虫 鏈链 訊讯 鎖锁 識识 "
    "協协 覽览 滅灭 槍枪 搶抢 竊窃 漲涨 墜坠 隻只 謀谋 鬱郁 遲迟 課课 議议 復复 複复 屬属 撥拨 護护 穩稳 "
    "寬宽 們们 爺爷 陽阳 臺台 檯台 颱台 裝装 鐵铁 鋼钢 閥阀 錶表 鹼碱 膠胶 貼贴 執执 廢废 棄弃 積积 殘残 "
    "礙碍 "
    "類类 獨独 佈布 國国 攤摊 師师 詢询 麗丽 歷历 曆历 廠厂 倉仓 儀仪 內内 凍冻 劃划 勞劳 勢势 "
    "廈厦 嚴严 圓圆 壘垒 夢梦 奪夺 婦妇 媽妈 寧宁 寶宝 專专 尋寻 導导 屆届 嶺岭 巖岩 幣币 幹干 "
    "廟庙 彈弹 徑径 徵征 恆恒 惡恶 慮虑 懇恳 戲戏 戰战 擁拥 擔担 擠挤 擴扩 攜携 敗败 斷断 晝昼 "
    "暫暂 曬晒 朧胧 條条 榮荣 構构 槓杠 樂乐 機机 檔档 櫃柜 權权 殺杀 殼壳 淚泪 淺浅 渦涡 湯汤 "
    "滬沪 滯滞 潛潜 潤润 澆浇 濃浓 灣湾 烏乌 煉炼 煩烦 爐炉 爭争 爾尔 牽牵 猶犹 瓊琼 畫画 痠酸 "
    "療疗 癢痒 盜盗 盤盘 盡尽 監监 睏困 礎础 禍祸 種种 稱称 穀谷 窩窝 竄窜 筆笔 築筑 簡简 "
    "籃篮 納纳 純纯 細细 終终 絕绝 絲丝 經经 綜综 緊紧 緣缘 編编 緩缓 練练 縣县 績绩 繩绳 繼继 "
    "纜缆 罰罚 罷罢 羅罗 聖圣 聞闻 聰聪 肅肃 脅胁 脫脱 腦脑 腳脚 膽胆 臉脸 臨临 興兴 舉举 艙舱 "
    "艱艰 藝艺 範范 蘇苏 蘭兰 術术 衝冲 製制 襪袜 規规 視视 覺觉 觀观 訂订 訓训 託托 設设 許许 "
    "詞词 試试 詩诗 詳详 誠诚 誰谁 談谈 論论 諮咨 證证 譜谱 譯译 變变 豐丰 負负 貢贡 財财 責责 "
    "販贩 貴贵 貸贷 賓宾 賞赏 賠赔 賣卖 賽赛 贊赞 趕赶 跡迹 踐践 蹤踪 躍跃 軟软 輕轻 載载 輔辅 "
    "輸输 農农 連连 運运 達达 遙遥 遞递 適适 遺遗 醬酱 釋释 針针 釣钓 鈴铃 鉛铅 銀银 鋪铺 鍵键 "
    "鎮镇 閃闪 閘闸 閱阅 闆板 闊阔 闖闯 陣阵 陰阴 陸陆 階阶 際际 隱隐 雖虽 雙双 雞鸡 難难 雲云 "
    "霧雾 靜静 響响 頁页 項项 順顺 預预 頻频 額额 顏颜 顯显 飛飞 飾饰 養养 饅馒 駐驻 騎骑 驚惊 "
    "髮发 鬆松 魚鱼 鮮鲜 鳥鸟 鹽盐 麥麦 齒齿 龍龙 堅坚 塵尘 墊垫 壯壮 奮奋 妝妆 婁娄 孿孪 岡冈 "
    "島岛 峽峡 巒峦 帥帅 帳帐 異异 強强 彎弯 彙汇 徹彻 慣惯 憂忧 憑凭 拋抛 掛挂 揮挥 搖摇 擇择 "
    "擋挡 攝摄 斂敛 斬斩 暢畅 櫥橱 殯殡 毆殴 氫氢 漸渐 澤泽 濟济 濤涛 瀏浏 灑洒 灘滩 爛烂 狹狭 "
    "獄狱 獲获 琺珐 畢毕 瘋疯 癥症 皺皱 盞盏 磚砖 禦御 禪禅 稅税 窮穷 竅窍 競竞 筍笋 篩筛 籌筹 "
    "籤签 紋纹 紹绍 絡络 綱纲 綿绵 緒绪 緝缉 締缔 縮缩 繞绕 繪绘 繳缴 罈坛 羨羡 翹翘 聳耸 職职 "
    "膚肤 膩腻 臟脏 艦舰 莊庄 莖茎 蔥葱 蔣蒋 蕭萧 薦荐 薩萨 藍蓝 蘋苹 虛虚 蝦虾 蠟蜡 蠶蚕 "
    "衆众 褲裤 襯衬 詐诈 誇夸 諒谅 謊谎 謙谦 講讲 譽誉 讚赞 豬猪 貧贫 貿贸 賀贺 賴赖 賺赚 賬账 "
    "趨趋 軍军 軒轩 較较 輝辉 轟轰 辭辞 郵邮 醞酝 醜丑 鉤钩 銅铜 鋁铝 鍛锻 閣阁 闡阐 靈灵 韓韩 "
    "頓顿 頸颈 顆颗 餅饼 餘余 餵喂 騙骗 驅驱 驕骄 骯肮 魯鲁 鴨鸭 鵝鹅 龜龟 "
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
