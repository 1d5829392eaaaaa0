#pragma once

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace retort {

/// Runs \a work (blocking: a connection, a query, a socket) on a thread of its own and hands its
/// result to \a done on \a context's thread. If \a context is gone by then, \a done is not called:
/// the result travels through the thread's finished() signal, whose connection dies with \a context.
/// The thread deletes itself when it ends, so nothing waits for it.
template <typename Work, typename Done>
void runInBackground(QObject *context, Work work, Done done)
{
    using Result = std::invoke_result_t<Work &>;
    auto result = std::make_shared<std::optional<Result>>();
    QThread *thread = QThread::create([work = std::move(work), result]() mutable { result->emplace(work()); });
    QObject::connect(thread, &QThread::finished, context, [result, done = std::move(done)]() mutable {
        if (result->has_value())
            done(std::move(**result));
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace retort
