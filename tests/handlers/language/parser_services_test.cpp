// Table-driven tests of parse_command: points, ranking, the catalog, tickets, stats, bind and help.

#include <gtest/gtest.h>

#include "tests/handlers/language/parser_case.hpp"

namespace whistle::language::testing {
namespace {

class ParserReadsServiceLines : public ::testing::TestWithParam<Case> {};

TEST_P(ParserReadsServiceLines, IntoExactlyTheExpectedSlots) {
  expect_reads(GetParam());
}

const Case kPointsAndRewards[] = {
    {.text = "积分", .intent = Intent::points},
    {.text = "我的积分", .intent = Intent::points},
    {.text = "我的积分呢？", .intent = Intent::points},
    {.text = "查积分", .intent = Intent::points},
    {.text = "积分 @张三", .intent = Intent::points, .mentions = {"张三"}},
    {.text = "排行", .intent = Intent::ranking},
    {.text = "排行榜", .intent = Intent::ranking},
    {
        .text = "排行 上月",
        .intent = Intent::ranking,
        .month = "2026-10",
    },
    {
        .text = "排行 本月",
        .intent = Intent::ranking,
        .month = "2026-11",
    },
    {.text = "排行 上月", .intent = Intent::ranking, .month = "2025-12", .now = "2026-01-15T12:00"},
    {.text = "公示", .intent = Intent::ranking},
    {
        .text = "积分公示 10月",
        .intent = Intent::ranking,
        .month = "2026-10",
    },
    {
        .text = "排名 2026年9月",
        .intent = Intent::ranking,
        .month = "2026-09",
    },
    {.text = "加分 @张三 5 帮助孤寡老人",
     .intent = Intent::adjust,
     .points = 5,
     .reason = "帮助孤寡老人",
     .mentions = {"张三"}},
    {.text = "扣分 @李四 3 失约",
     .intent = Intent::adjust,
     .points = -3,
     .reason = "失约",
     .mentions = {"李四"}},
    {.text = "加分@张三5分 扫雪",
     .intent = Intent::adjust,
     .points = 5,
     .reason = "扫雪",
     .mentions = {"张三"}},
    {.text = "扣分 @李四 三分 迟到",
     .intent = Intent::adjust,
     .points = -3,
     .reason = "迟到",
     .mentions = {"李四"}},
    {.text = "加分 @张三 99999999999999999999 好人好事",
     .intent = Intent::adjust,
     .reason = "好人好事",
     .mentions = {"张三"}},
    {.text = "加分 @张三 @李四 2 扫雪",
     .intent = Intent::adjust,
     .points = 2,
     .reason = "扫雪",
     .mentions = {"张三", "李四"}},
    {.text = "扣分@李四3失约",
     .intent = Intent::adjust,
     .points = -3,
     .reason = "失约",
     .mentions = {"李四"}},
    {.text = "商品", .intent = Intent::catalog},
    {.text = "商品列表", .intent = Intent::catalog},
    {.text = "积分商城", .intent = Intent::catalog},
    {.text = "兑换 大米 1", .intent = Intent::redeem, .count = 1, .item = "大米"},
    {.text = "兑换 大米5斤 2", .intent = Intent::redeem, .count = 2, .item = "大米5斤"},
    {.text = "兑换大米", .intent = Intent::redeem, .item = "大米"},
    {.text = "兑换 洗衣液 x2", .intent = Intent::redeem, .count = 2, .item = "洗衣液"},
    {.text = "兑换 2桶 食用油", .intent = Intent::redeem, .count = 2, .item = "食用油"},
    {.text = "兑换 大米 0", .intent = Intent::redeem, .item = "大米"},
    {.text = "核销 K7Q2", .intent = Intent::pickup, .code = "K7Q2"},
    {.text = "核销 k7q2", .intent = Intent::pickup, .code = "K7Q2"},
    {.text = "核销k7q2", .intent = Intent::pickup, .code = "K7Q2"},
    {.text = "核销", .intent = Intent::pickup},
};
INSTANTIATE_TEST_SUITE_P(PointsAndRewards, ParserReadsServiceLines, ::testing::ValuesIn(kPointsAndRewards));

const Case kTickets[] = {
    {.text = "报事 楼道灯坏了", .intent = Intent::ticket, .title = "楼道灯坏了", .kind = "report"},
    {.text = "报事：3号楼2单元楼道灯坏了",
     .intent = Intent::ticket,
     .place = "3号楼2单元",
     .title = "3号楼2单元楼道灯坏了",
     .kind = "report"},
    {.text = "报修 5号楼电梯坏了",
     .intent = Intent::ticket,
     .place = "5号楼",
     .title = "5号楼电梯坏了",
     .kind = "report"},
    {.text = "点单 需要代买药", .intent = Intent::ticket, .title = "需要代买药", .kind = "order"},
    {.text = "微心愿 想要一副老花镜", .intent = Intent::ticket, .title = "想要一副老花镜", .kind = "wish"},
    {.text = "心愿：想要一副老花镜", .intent = Intent::ticket, .title = "想要一副老花镜", .kind = "wish"},
    {.text = "报事", .intent = Intent::ticket, .kind = "report"},
    {.text = "派单 T5 @王五", .intent = Intent::dispatch, .ticket = 5, .mentions = {"王五"}},
    {.text = "派单 T5 物业", .intent = Intent::dispatch, .ticket = 5, .responder = "物业"},
    {.text = "派单 工单5 给物业", .intent = Intent::dispatch, .ticket = 5, .responder = "物业"},
    {.text = "派单 t5 @王五", .intent = Intent::dispatch, .ticket = 5, .mentions = {"王五"}},
    {.text = "接单 T5", .intent = Intent::accept, .ticket = 5},
    {.text = "接单 t5", .intent = Intent::accept, .ticket = 5},
    {.text = "接单 工单5", .intent = Intent::accept, .ticket = 5},
    {.text = "接单 工单 5", .intent = Intent::accept, .ticket = 5},
    {.text = "接单 #T5", .intent = Intent::accept, .ticket = 5},
    {.text = "T5 接单", .intent = Intent::accept, .ticket = 5},
    {.text = "接单", .intent = Intent::accept},
    {.text = "接单 T0", .intent = Intent::accept},
    {.text = "办结 T5 已更换灯泡", .intent = Intent::resolve, .ticket = 5, .reason = "已更换灯泡"},
    {.text = "办结 已更换灯泡", .intent = Intent::resolve, .reason = "已更换灯泡"},
    {.text = "评价 T5 满意", .intent = Intent::rate, .ticket = 5, .score = 5},
    {.text = "评价 T5 2 还是不亮", .intent = Intent::rate, .ticket = 5, .reason = "还是不亮", .score = 2},
    {.text = "评价 T5 不满意，还是不亮",
     .intent = Intent::rate,
     .ticket = 5,
     .reason = "还是不亮",
     .score = 1},
    {.text = "评价 T5 非常满意", .intent = Intent::rate, .ticket = 5, .score = 5},
    {.text = "评价 T5 5星", .intent = Intent::rate, .ticket = 5, .score = 5},
    {.text = "评价 T5 ★★★★", .intent = Intent::rate, .ticket = 5, .score = 4},
    {.text = "评价 T5 9", .intent = Intent::rate, .ticket = 5},
    {.text = "评价 满意", .intent = Intent::rate, .score = 5},
    {.text = "满意", .intent = Intent::rate, .score = 5},
    {.text = "不满意", .intent = Intent::rate, .score = 1},
    {.text = "非常满意", .intent = Intent::rate, .score = 5},
    {.text = "满意！", .intent = Intent::rate, .score = 5},
    {.text = "上报 T5", .intent = Intent::escalate, .ticket = 5},
    {.text = "上报 T5 物业不处理", .intent = Intent::escalate, .ticket = 5, .reason = "物业不处理"},
};
INSTANTIATE_TEST_SUITE_P(Tickets, ParserReadsServiceLines, ::testing::ValuesIn(kTickets));

const Case kAdministration[] = {
    {.text = "统计", .intent = Intent::stats},
    {
        .text = "统计 10月",
        .intent = Intent::stats,
        .month = "2026-10",
    },
    {
        .text = "统计 十月份",
        .intent = Intent::stats,
        .month = "2026-10",
    },
    {
        .text = "统计 12月",
        .intent = Intent::stats,
        .month = "2025-12",
    },
    {
        .text = "统计 2026-08",
        .intent = Intent::stats,
        .month = "2026-08",
    },
    {
        .text = "统计 上个月",
        .intent = Intent::stats,
        .month = "2026-10",
    },
    {.text = "绑定 3号楼2单元", .intent = Intent::bind, .place = "3号楼2单元"},
    {.text = "绑定 第一网格", .intent = Intent::bind, .place = "第一网格"},
    {.text = "绑定 b3u2", .intent = Intent::bind, .place = "b3u2"},
    {.text = "绑定", .intent = Intent::bind},
    {.text = "帮助", .intent = Intent::help},
    {.text = "?", .intent = Intent::help},
    {.text = "？", .intent = Intent::help},
    {.text = "菜单", .intent = Intent::help},
    {.text = "help", .intent = Intent::help},
    {.text = "Help", .intent = Intent::help},
    {.text = "@吹哨 帮助", .intent = Intent::help, .addressed = true},
};
INSTANTIATE_TEST_SUITE_P(Administration, ParserReadsServiceLines, ::testing::ValuesIn(kAdministration));

}  // namespace
}  // namespace whistle::language::testing
