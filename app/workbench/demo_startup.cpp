#include "app/workbench/demo_startup.h"

#include <QPointer>

#include "app/workbench/workspace.h"
#include "core/capture/broker_settings.h"
#include "core/util/log.h"

namespace edgewise::gui {

Result<void> startDemoCapture(Workspace& workspace, const QString& url, QObject* context) {
  auto settings = capture::BrokerSettings::fromUrl(url.toStdString());
  if (!settings.ok()) return settings.error().wrap("--demo-broker " + url.toStdString());
  capture::CaptureSession& session = workspace.capture();
  const capture::Subscription all{"edgewise/#", 1};
  EW_TRY(session.connectToBroker(settings.value()));
  // Subscribing may be refused while the connection is still being made; then it happens
  // on the first Connected state instead.
  if (session.subscribe(all).ok()) return okResult();
  auto* once = new QObject(context);
  QObject::connect(&session, &capture::CaptureSession::stateChanged, once,
                   [&session, all, once](capture::ConnectionState state, const QString&) {
                     if (state != capture::ConnectionState::Connected) return;
                     auto subscribed = session.subscribe(all);
                     if (!subscribed.ok()) {
                       qCWarning(lcGui) << "subscribing to edgewise/#:"
                                        << QString::fromStdString(subscribed.error().toString());
                     }
                     once->deleteLater();
                   });
  return okResult();
}

}  // namespace edgewise::gui
