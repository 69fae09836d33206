#include "core/training/service/c_export_bridge.h"

#ifdef EDGEWISE_HAVE_C_EXPORT
#include "core/training/export_c/c_export.h"
#endif

namespace edgewise::training {

#ifdef EDGEWISE_HAVE_C_EXPORT
namespace {

CFeatureSpec cFeatureSpec(const dataset::DatasetInfo& d, const FeatureSpec& features) {
  CFeatureSpec spec;
  spec.kind = dataset::kindName(d.kind);
  spec.block = features.blockId;
  for (const auto& [k, v] : features.params) spec.params[k] = v;
  switch (d.kind) {
    case dataset::DatasetKind::Image:
      spec.channels = d.imageChannels;
      spec.height = d.imageHeight;
      spec.width = d.imageWidth;
      break;
    case dataset::DatasetKind::Timeseries:
      spec.channels = d.seriesChannels;
      spec.length = d.seriesLength;
      spec.rateHz = d.seriesRateHz;
      break;
    case dataset::DatasetKind::Audio:
      spec.channels = 1;
      spec.rateHz = d.audioRateHz;
      spec.length = d.audioRateHz;  // the default features use a fixed 1 s
      break;
    case dataset::DatasetKind::Tabular:
      spec.channels = 1;
      spec.length = d.featureDims;
      break;
  }
  return spec;
}

}  // namespace

Result<McuFigures> estimateMcuFor(const NetDescription& net, const dataset::DatasetInfo& dataset,
                                  const FeatureSpec& features) {
  const CFeatureSpec spec = cFeatureSpec(dataset, features);
  if (Result<void> ok = checkExportable(net, spec); !ok.ok()) return ok.error();
  const McuEstimate e = estimateMcu(net, spec);
  return McuFigures{e.flashBytes, e.ramBytes};
}

Result<std::vector<std::string>> exportC99For(const NetDescription& net,
                                              const dataset::DatasetInfo& dataset,
                                              const FeatureSpec& features,
                                              const std::string& outDir) {
  Result<CExportResult> r = exportC99(net, cFeatureSpec(dataset, features), outDir);
  if (!r.ok()) return r.error();
  return r->files;
}

#else

Result<McuFigures> estimateMcuFor(const NetDescription&, const dataset::DatasetInfo&,
                                  const FeatureSpec&) {
  return Error("the C99 export library is not part of this build");
}

Result<std::vector<std::string>> exportC99For(const NetDescription&, const dataset::DatasetInfo&,
                                              const FeatureSpec&, const std::string&) {
  return Error("the C99 export library is not part of this build");
}

#endif

}  // namespace edgewise::training
