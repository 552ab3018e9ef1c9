#pragma once
// A fixed pool of worker threads for blocking, CPU-heavy jobs (argon2id,
// documents), so RESTinio's I/O threads never wait on them. The queue is
// bounded: a job that finds it full is refused at once (the caller answers
// 503 with Retry-After) instead of waiting behind minutes of work. 200 wrong
// passwords queued ahead of a good one once made that log-in take 18 s.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace chibo::http {

class WorkerPool {
 public:
  // `threads` workers; at most `capacity` jobs waiting (running ones not counted).
  WorkerPool(int threads, size_t capacity) : capacity_(capacity) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { loop(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard g(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `job`; false (and `job` dropped, not run) when the queue is full.
  [[nodiscard]] bool tryPost(std::function<void()> job) {
    {
      std::lock_guard g(mu_);
      if (jobs_.size() >= capacity_) return false;
      jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
    return true;
  }
  size_t queued() {
    std::lock_guard g(mu_);
    return jobs_.size();
  }
  size_t capacity() const { return capacity_; }

 private:
  void loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lk(mu_);
        cv_.wait(lk, [&] { return stop_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;  // GUARDED_BY(mu_)
  bool stop_ = false;                       // GUARDED_BY(mu_)
  std::vector<std::thread> threads_;
};

}  // namespace chibo::http
