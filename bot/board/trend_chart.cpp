#include "bot/board/trend_chart.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bot/board/html_text.hpp"

namespace whistle::bot::board {

namespace {

// The drawing's own coordinates; the SVG scales to its box (viewBox), so phone and lobby share it.
constexpr double kWidth = 720;
constexpr double kHeight = 260;
constexpr double kLeft = 36;
constexpr double kRight = 36;
constexpr double kTop = 16;
constexpr double kBottom = 40;

double plot_height() {
  return kHeight - kTop - kBottom;
}

}  // namespace

std::string trend_svg(const nlohmann::json& trend) {
  const nlohmann::json& months = trend.at("months");
  std::int64_t highest = 1;
  for (const nlohmann::json& month : months)
    highest =
        std::max({highest, month.at("received").get<std::int64_t>(), month.at("solved").get<std::int64_t>()});
  const double slot =
      (kWidth - kLeft - kRight) / static_cast<double>(std::max<std::size_t>(months.size(), 1));
  const double bar = slot * 0.36;
  const auto y_of = [highest](std::int64_t value) {
    return kTop + plot_height() * (1.0 - static_cast<double>(value) / static_cast<double>(highest));
  };

  std::string svg = fmt::format(
      "<svg class=\"trend-chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"近12个月工单趋势\" "
      "xmlns=\"http://www.w3.org/2000/svg\">",
      kWidth, kHeight);
  // The axis: the highest count at the top left, 100 % at the top right for the line.
  fmt::format_to(std::back_inserter(svg),
                 "<line class=\"axis\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>"
                 "<text class=\"scale\" x=\"{3}\" y=\"{4}\">{5}</text>"
                 "<text class=\"scale\" x=\"{6}\" y=\"{4}\">100%</text>",
                 kLeft, kTop + plot_height(), kWidth - kRight, 2, kTop + 10, highest, kWidth - kRight + 2);
  std::string line;
  for (std::size_t i = 0; i < months.size(); ++i) {
    const nlohmann::json& month = months[i];
    const std::string label = html_escape(month.at("month").get<std::string>());
    const std::int64_t received = month.at("received").get<std::int64_t>();
    const std::int64_t solved = month.at("solved").get<std::int64_t>();
    const double x = kLeft + slot * static_cast<double>(i) + slot * 0.14;
    fmt::format_to(
        std::back_inserter(svg),
        "<rect class=\"received\" data-month=\"{0}\" data-received=\"{1}\" x=\"{2:.1f}\" "
        "y=\"{3:.1f}\" width=\"{4:.1f}\" height=\"{5:.1f}\"><title>{0} 受理 {1}</title></rect>"
        "<rect class=\"solved\" data-month=\"{0}\" data-solved=\"{6}\" x=\"{7:.1f}\" y=\"{8:.1f}\" "
        "width=\"{4:.1f}\" height=\"{9:.1f}\"><title>{0} 解决 {6}</title></rect>"
        "<text class=\"month\" x=\"{10:.1f}\" y=\"{11:.1f}\">{12}</text>",
        label, received, x, y_of(received), bar, kTop + plot_height() - y_of(received), solved, x + bar,
        y_of(solved), kTop + plot_height() - y_of(solved), x + bar, kHeight - kBottom + 16, label.substr(5));
    const nlohmann::json& satisfaction = month.at("satisfaction");
    if (satisfaction.is_number()) {
      const double y = kTop + plot_height() * (1.0 - satisfaction.get<double>());
      fmt::format_to(std::back_inserter(line), "{}{:.1f},{:.1f}", line.empty() ? "" : " ", x + bar, y);
      fmt::format_to(
          std::back_inserter(svg),
          "<circle class=\"satisfaction\" data-month=\"{}\" data-satisfaction=\"{}\" cx=\"{:.1f}\" "
          "cy=\"{:.1f}\" r=\"4\"/>",
          label, satisfaction.get<double>(), x + bar, y);
    }
  }
  if (!line.empty()) svg += "<polyline class=\"satisfaction\" points=\"" + line + "\"/>";
  svg +=
      "<g class=\"legend\"><rect class=\"received\" x=\"40\" y=\"246\" width=\"10\" height=\"10\"/>"
      "<text x=\"54\" y=\"255\">受理</text><rect class=\"solved\" x=\"100\" y=\"246\" width=\"10\" "
      "height=\"10\"/><text x=\"114\" y=\"255\">解决</text><line class=\"satisfaction\" x1=\"160\" "
      "y1=\"251\" x2=\"176\" y2=\"251\"/><text x=\"180\" y=\"255\">满意率</text></g></svg>";
  return svg;
}

}  // namespace whistle::bot::board
