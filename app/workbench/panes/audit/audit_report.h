#pragma once
// The one-page audit report of a model version: an HTML file an engineer can attach to a
// release, with the pane's plots as PNG files next to it (rendered off screen by the same
// AuditPlots functions, saved with QCustomPlot::savePng). Audits that were not run say so.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "app/workbench/panes/audit/audit_data.h"
#include "core/util/result.h"

namespace edgewise::gui {

struct AuditReportFiles {
  QString html;
  QStringList images;  // absolute paths of the PNG files the HTML shows
};

class AuditReport {
  Q_DECLARE_TR_FUNCTIONS(AuditReport)

 public:
  // Writes htmlPath (".html" appended when missing) and <base>_<figure>.png beside it,
  // replacing earlier files of the same names. Errors name the file that could not be written.
  static Result<AuditReportFiles> write(const AuditReportData& data, const QString& htmlPath);
  // The HTML alone, with images named <imageBase>_<figure>.png (for tests and previews).
  static QString html(const AuditReportData& data, const QString& imageBase);
};

}  // namespace edgewise::gui
