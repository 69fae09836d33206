// edgewise-agent: the device runtime: simulated devices (--simulate) or one device on a real
// sensor stream (--source stdin-csv | mqtt:<topic>). Simulation mode: one process
// plays a fleet of devices publishing sensor data over MQTT (see --help).

#include <QCoreApplication>
#include <csignal>
#include <cstdio>
#include <memory>

#include "app/agent/agent_options.h"
#include "app/agent/deploy_participant.h"
#include "app/agent/simulated_fleet.h"
#include "core/training/torch/torch_models.h"

namespace {

volatile std::sig_atomic_t g_stop = 0;

extern "C" void onStopSignal(int) {
  g_stop = 1;
}

void installSignalHandlers() {
  struct sigaction action {};
  action.sa_handler = onStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  // A broker that closes the socket must not kill the process through SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("edgewise-agent"));
  QCoreApplication::setApplicationVersion(QStringLiteral(EDGEWISE_AGENT_VERSION));

  auto parsed = edgewise::agent::parseAgentCommandLine(QCoreApplication::arguments());
  if (!parsed) {
    std::fprintf(stderr, "edgewise-agent: %s\nTry 'edgewise-agent --help'.\n",
                 parsed.error().toString().c_str());
    return 2;
  }
  if (parsed->helpRequested) {
    std::fputs(parsed->helpText.toLocal8Bit().constData(), stdout);
    return 0;
  }
  if (parsed->versionRequested) {
    std::printf("edgewise-agent %s\n", EDGEWISE_AGENT_VERSION);
    return 0;
  }

  installSignalHandlers();
  const auto& options = parsed->options;
  std::unique_ptr<edgewise::agent::DeployParticipants> deploy;
  if (!options.stateDir.empty()) {
    auto key = edgewise::deploy::loadPublicKey(options.trustedKeyPath);
    if (!key) {
      std::fprintf(stderr, "edgewise-agent: %s\n", key.error().toString().c_str());
      return 2;
    }
    // Many devices share two cores: one intra-op thread per model is plenty.
    edgewise::training::setTorchThreads(1);
    deploy = std::make_unique<edgewise::agent::DeployParticipants>(
        edgewise::agent::DeployParticipants::Options{options.stateDir, *key,
                                                     EDGEWISE_AGENT_VERSION});
  }
  edgewise::agent::SimulatedFleet fleet(options, EDGEWISE_AGENT_VERSION);
  fleet.setDeployParticipants(deploy.get());
  if (auto connected = fleet.connectAll(); !connected) {
    std::fprintf(stderr, "edgewise-agent: %s\n", connected.error().toString().c_str());
    return 1;
  }
  if (deploy) deploy->start([&fleet](int index) { fleet.modelChanged(index); });
  fleet.run(&g_stop);
  // The worker publishes through the clients: stop it before they disconnect.
  if (deploy) deploy->stop();
  fleet.shutdown();
  if (parsed->options.summaryJson) {
    const std::string summary = fleet.summaryJson();
    std::fwrite(summary.data(), 1, summary.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
  }
  return 0;
}
