#pragma once
// Weighted-vote ensembles of trained classifiers of any family, and a trainer that lets the
// ensemble serve after its first member while the rest train in the background.
//
// Prediction: argmax_c sum_i w_i [f_i(x) = c], ties to the lowest class index; a member that
// answers -1 (cannot predict) casts no vote. w_i is by default the member's validation
// accuracy (weightFromValidation).

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/training/classifier.h"
#include "core/util/result.h"

namespace edgewise::training {

// Loads a saved classifier of any family (the service layer passes its any-family loader).
using MemberLoader = std::function<Result<std::unique_ptr<Classifier>>(const std::string& path)>;

// The loader used when none is given: OpenCV families, ensembles and two-stage models.
Result<std::unique_ptr<Classifier>> loadDefaultMember(const std::string& path);

// The member's accuracy on (valX, valY): the weight of its vote. 0 when it cannot predict.
double weightFromValidation(const Classifier& member, const cv::Mat& valX,
                            const std::vector<int>& valY);

// The bytes a classifier's save() writes (through a temporary file), and the reverse.
Result<std::string> classifierBytes(const Classifier& model);
Result<std::unique_ptr<Classifier>> classifierFromBytes(const std::string& bytes,
                                                        const MemberLoader& loader);

class Ensemble : public Classifier {
 public:
  explicit Ensemble(MemberLoader loader = {});
  ~Ensemble() override;

  std::string id() const override { return "ensemble"; }

  // Adds a trained member; thread-safe, may run while other threads predict. The first member
  // fixes numClasses and dims; a later one that differs, an untrained one or a negative or
  // non-finite weight is refused.
  Result<void> addMember(std::unique_ptr<Classifier> member, double weight);

  int memberCount() const;
  std::vector<double> weights() const;
  std::vector<std::string> memberIds() const;
  // Each member's answer for x (-1 where it cannot), in member order.
  std::vector<int> memberVotes(const float* x, int dims) const;

  // Greedy forward selection on validation data (Caruana et al. 2004, without replacement):
  // starts from the member with the best validation accuracy, adds the member that raises
  // the vote's validation accuracy most, stops when none raises it; the others are dropped.
  // Weights are kept. Returns the indices kept (in the old numbering, member order kept) and
  // leaves the ensemble unchanged when it has no members or no validation data.
  std::vector<int> selectByValidation(const cv::Mat& valX, const std::vector<int>& valY);

  // Retrains every present member on (X, y); with validation data in the context the weights
  // become the members' validation accuracies, otherwise they are kept. Holds the exclusive
  // lock throughout: predictions from other threads wait (use LazyEnsembleTrainer to serve
  // while training).
  using Classifier::train;
  Result<void> train(const cv::Mat& X, const std::vector<int>& y, int numClasses) override;
  Result<void> train(const cv::Mat& X, const std::vector<int>& y, int numClasses,
                     const TrainContext& context) override;
  HyperParams hyperParams() const override;

  int predict(const float* x, int dims) const override;
  std::vector<int> predictBatch(const cv::Mat& X) const override;
  // Weighted vote fractions: score_c = sum_i w_i [f_i(x) = c] / sum_i w_i over the members
  // that answer (equal weights when those all weigh 0); argmax agrees with predict().
  Result<cv::Mat> predictScores(const cv::Mat& X) const override;

  // One container file (model_file.h, family "ensemble"): the weights and each member's own
  // file bytes. load() replaces the members; members are read back through the loader.
  Result<void> save(const std::string& path) const override;
  Result<void> load(const std::string& path) override;

  bool isTrained() const override;
  int numClasses() const override;
  int dims() const override;
  int64_t parameterCount() const override;
  int64_t sizeBytes() const override;

 private:
  struct Member {
    std::unique_ptr<Classifier> model;
    double weight = 1.0;
  };
  int vote(const std::vector<int>& answers, const std::vector<double>& weights) const;

  MemberLoader m_loader;
  mutable std::shared_mutex m_mutex;
  std::vector<Member> m_members;
  int m_numClasses = 0;
  int m_dims = 0;
};

// Makes one untrained member (family, hyper-parameters and seed chosen by the caller).
using MemberFactory = std::function<Result<std::unique_ptr<Classifier>>()>;

// Trains members one after another into a shared Ensemble. start() trains the first member
// synchronously (the ensemble can serve as soon as it returns) and the others on a
// background thread, each added as it finishes with its validation accuracy as weight. A
// member that fails is skipped and its error kept. The destructor cancels and joins.
class LazyEnsembleTrainer {
 public:
  struct Progress {
    int finished = 0;  // members trained or failed so far
    int failed = 0;
    int total = 0;
    std::string member;   // the member just finished (its id)
    double weight = 0.0;  // its validation accuracy
    std::string error;    // why it failed, empty when it was added
  };

  LazyEnsembleTrainer(std::vector<MemberFactory> factories, cv::Mat trainX, std::vector<int> trainY,
                      cv::Mat valX, std::vector<int> valY, int numClasses);
  ~LazyEnsembleTrainer();
  LazyEnsembleTrainer(const LazyEnsembleTrainer&) = delete;
  LazyEnsembleTrainer& operator=(const LazyEnsembleTrainer&) = delete;

  // Called on the training thread (the caller's for the first member, then the background
  // thread); set before start().
  void setProgressCallback(std::function<void(const Progress&)> callback);

  // Trains the first member that succeeds (failures before it are skipped), then starts the
  // background thread. An error when no member could be trained or start() ran before.
  Result<std::shared_ptr<Ensemble>> start();

  // Asks the background thread to stop; the member in training gets the cancel flag.
  void cancel();
  // Blocks until the background thread ends. Error "cancelled" after cancel(), otherwise ok
  // even when some members failed (see errors()).
  Result<void> wait();
  bool finished() const { return m_finished.load(); }
  std::shared_ptr<Ensemble> ensemble() const { return m_ensemble; }
  std::vector<std::string> errors() const;

 private:
  bool trainOne(size_t index);
  void runRest(size_t from);

  std::vector<MemberFactory> m_factories;
  cv::Mat m_trainX, m_valX;
  std::vector<int> m_trainY, m_valY;
  int m_numClasses;
  std::shared_ptr<Ensemble> m_ensemble;
  std::function<void(const Progress&)> m_progress;
  std::atomic<bool> m_cancel{false};
  std::atomic<bool> m_finished{false};
  std::atomic<bool> m_started{false};
  std::thread m_thread;
  mutable std::mutex m_errorsMutex;
  std::vector<std::string> m_errors;
  int m_done = 0;  // touched by one training thread at a time
  int m_failed = 0;
};

}  // namespace edgewise::training
