#include "app/workbench/about.h"

#include <sqlite3.h>

#include <mqtt/async_client.h>
#include <QtGlobal>
#include <opencv2/core/version.hpp>

#include "app/workbench/tr.h"

namespace edgewise::gui {

QString aboutText() {
  const QString paho = QString::number((mqtt::VERSION >> 24) & 0xff) + u'.' +
                       QString::number((mqtt::VERSION >> 16) & 0xff) + u'.' +
                       QString::number((mqtt::VERSION >> 8) & 0xff);
  QString rows;
  auto row = [&rows](const QString& name, const QString& version) {
    rows += QStringLiteral("<tr><td style='padding-right:16px'>") + name.toHtmlEscaped() +
            QStringLiteral("</td><td>") + version.toHtmlEscaped() + QStringLiteral("</td></tr>");
  };
  row(QStringLiteral("Qt"), QString::fromLatin1(qVersion()));
  row(QStringLiteral("OpenCV"), QStringLiteral(CV_VERSION));
  row(QStringLiteral("Paho MQTT C++"), paho);
  row(QStringLiteral("SQLite"), QString::fromLatin1(sqlite3_libversion()));
  return QStringLiteral("<h3>Edgewise %1</h3><p>").arg(QStringLiteral(EDGEWISE_VERSION)) +
         Tr::tr(
             "A workbench for machine learning on IoT devices: capture, label, train, "
             "compress, deploy and audit.")
             .toHtmlEscaped() +
         QStringLiteral("</p><p><b>") + Tr::tr("Built with").toHtmlEscaped() +
         QStringLiteral("</b></p><table>") + rows + QStringLiteral("</table>");
}

}  // namespace edgewise::gui
