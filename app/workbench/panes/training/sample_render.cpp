#include "app/workbench/panes/training/sample_render.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace edgewise::gui {

SampleWindow sampleWindow(const training::SampleView& view) {
  SampleWindow w;
  if (!view.image.empty()) {
    const cv::Mat& img = view.image;
    const int c = img.channels();
    w.samples = img.rows * img.cols;
    w.channels = c;
    w.values.reserve(size_t(w.samples) * c);
    for (int y = 0; y < img.rows; ++y) {
      const uint8_t* row = img.ptr<uint8_t>(y);
      for (int x = 0; x < img.cols * c; ++x) w.values.push_back(float(row[x]));
    }
    return w;
  }
  if (!view.series.empty() && !view.series.front().empty()) {
    const int c = static_cast<int>(view.series.size());
    size_t n = view.series.front().size();
    for (const auto& s : view.series) n = std::min(n, s.size());
    w.samples = static_cast<int>(n);
    w.channels = c;
    w.rateHz = view.rateHz > 0 ? view.rateHz : 1.0;
    w.values.resize(n * size_t(c));
    for (size_t i = 0; i < n; ++i)
      for (int ch = 0; ch < c; ++ch) w.values[i * c + ch] = view.series[ch][i];
    return w;
  }
  if (!view.vector.empty()) {
    w.values = view.vector;
    w.samples = static_cast<int>(view.vector.size());
    w.channels = 1;
  }
  return w;
}

QImage renderSample(const training::SampleView& view, QSize size, QColor ink, QColor paper) {
  QImage out(size, QImage::Format_RGB32);
  out.fill(paper);
  if (!view.image.empty()) {
    const cv::Mat& m = view.image;
    const int c = m.channels();
    QImage img(m.cols, m.rows, QImage::Format_RGB32);
    for (int y = 0; y < m.rows; ++y) {
      auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
      const uint8_t* px = m.ptr<uint8_t>(y);
      for (int x = 0; x < m.cols; ++x, px += c)
        line[x] = c >= 3 ? qRgb(px[2], px[1], px[0]) : qRgb(px[0], px[0], px[0]);
    }
    const QImage scaled = img.scaled(size, Qt::KeepAspectRatio, Qt::FastTransformation);
    QPainter painter(&out);
    painter.drawImage((size.width() - scaled.width()) / 2, (size.height() - scaled.height()) / 2,
                      scaled);
    return out;
  }
  // Series: every channel in the same box (ranges shared), a vector as one line.
  std::vector<std::vector<float>> lines = view.series;
  if (lines.empty() && !view.vector.empty()) lines.push_back(view.vector);
  float lo = 0, hi = 0;
  bool any = false;
  for (const auto& s : lines) {
    for (float v : s) {
      if (!any) lo = hi = v;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
      any = true;
    }
  }
  if (!any) return out;
  if (hi - lo < 1e-12f) {
    hi += 1;
    lo -= 1;
  }
  const int cols = std::max(1, size.width() - 4);
  const double hgt = size.height() - 4;
  auto yOf = [&](float v) { return 2 + hgt * (1.0 - double(v - lo) / double(hi - lo)); };
  QPainter painter(&out);
  painter.setRenderHint(QPainter::Antialiasing);
  static const QColor kExtra[] = {QColor(214, 39, 40), QColor(44, 160, 44), QColor(31, 119, 180)};
  for (size_t li = 0; li < lines.size(); ++li) {
    const auto& s = lines[li];
    const int n = static_cast<int>(s.size());
    if (n == 0) continue;
    painter.setPen(QPen(li == 0 ? ink : kExtra[(li - 1) % 3], 1));
    if (n <= cols) {
      QPainterPath path;
      for (int i = 0; i < n; ++i) {
        const double x = 2 + (n == 1 ? 0.0 : double(i) * cols / (n - 1));
        if (i == 0)
          path.moveTo(x, yOf(s[i]));
        else
          path.lineTo(x, yOf(s[i]));
      }
      painter.drawPath(path);
    } else {
      for (int x = 0; x < cols; ++x) {
        const size_t a = size_t(x) * n / cols;
        const size_t b = std::max(a + 1, size_t(x + 1) * n / cols);
        const auto [mn, mx] = std::minmax_element(s.begin() + a, s.begin() + b);
        painter.drawLine(QPointF(2 + x, yOf(*mn)), QPointF(2 + x, yOf(*mx)));
      }
    }
  }
  return out;
}

}  // namespace edgewise::gui
