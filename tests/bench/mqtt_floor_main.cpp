// The MQTT floor: what the broker and Paho alone cost for the protocol's traffic, with no
// database and no engine. Two Paho clients, each in a process of its own as the two daemons
// are, stand for the two sites: "a" publishes N changes (QoS 1, /change/b, a realistic
// payload) keeping at most WINDOW unanswered; "b" answers each with a receipt (QoS 1,
// /info/a); "a" counts the receipts. Nagle's algorithm is off on both, as in the engine.
// Prints rows/s and the CPU seconds of both processes and of the broker, so that the engine's
// end-to-end figure (mysql-sync-bench) can be read against the ceiling Paho + Mosquitto set.
// With --rows-per-message R > 1 it carries the fast path's shape instead: batches of R rows
// in the engine's batch form (/mysql-sync/a/batch/b, rows like the benchmark's items rows),
// each answered by one receipt batch of R rows (/mysql-sync/b/receipts/a), both "zlib:" framed
// with qCompress as the engine does when --compress 1. The payloads are built before the
// clock starts: the floor is what the transport costs, not the JSON or zlib.
//   mysql-sync-mqtt-floor --port P [--rows N] [--window W (rows)] [--broker-pid PID]
//                         [--change-qos Q] [--receipt-qos Q]   (both 1 by default, as we publish)
//                         [--rows-per-message R (1)] [--compress 0|1 (0)]
#include "ProcStat.h"
#include "mqtt/NoDelay.h"

#include <mqtt/async_client.h>

#include <QByteArray>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

mqtt::connect_options options()
{
    mqtt::connect_options o;
    o.set_mqtt_version(MQTTVERSION_3_1_1);
    o.set_clean_session(true);
    o.set_max_inflight(4096);
    return o;
}

// "zlib:" + qCompress(json) when asked and smaller, as the engine frames a batch.
std::string frame(const QByteArray &json, bool compress)
{
    QByteArray out = json;
    if (compress) {
        const QByteArray packed = "zlib:" + qCompress(json, 6);
        if (packed.size() < json.size())
            out = packed;
    }
    return std::string(out.constData(), size_t(out.size()));
}

// A receipt batch for `rows` rows as the engine writes it (ids are what vary).
std::string receiptBatch(long firstId, long rows, bool compress)
{
    QByteArray json = "{\"sender\":\"b\",\"count\":" + QByteArray::number(qint64(rows)) + ",\"received\":[";
    for (long i = 0; i < rows; ++i) {
        if (i)
            json += ',';
        json +=
            "{\"date\":1767225600123,\"id\":\"" + QByteArray::number(qint64(firstId + i)) + "\",\"table\":\"items\"}";
    }
    json += "],\"errors\":[]}";
    return frame(json, compress);
}

// A change batch of rows [firstId, firstId + rows) like the engine's for the benchmark's items.
std::string changeBatch(long firstId, long rows, bool compress, unsigned *seed)
{
    auto next = [seed](unsigned mod) {
        *seed = *seed * 1103515245u + 12345u;
        return (*seed >> 8) % mod;
    };
    QByteArray json =
        "{\"sender\":\"a\",\"date\":1767225600123,\"count\":" + QByteArray::number(qint64(rows)) + ",\"changes\":[";
    char row[320];
    for (long i = 0; i < rows; ++i) {
        const long id = firstId + i;
        char word[13];
        for (int c = 0; c < 12; ++c)
            word[c] = char('a' + next(26));
        word[12] = 0;
        const unsigned cents = next(100000000);
        const int n =
            std::snprintf(row, sizeof row,
                          "%s{\"entity\":{\"id\":\"%ld\",\"name\":\"item %ld %s\",\"price\":\"%u.%02u\",\"qty\":%u,"
                          "\"updated\":\"2024-%02u-%02u %02u:%02u:%02u\"},\"id\":\"%ld\",\"table\":\"items\"}",
                          i ? "," : "", id, id, word, cents / 100, cents % 100, next(100001), 1 + next(12),
                          1 + next(28), next(24), next(60), next(60), id);
        json.append(row, n);
    }
    json += "]}";
    return frame(json, compress);
}

// Site "b": answers every change with a receipt until it is terminated; in the batch shape,
// every batch with one receipt batch of `rowsPerMessage` rows.
int runResponder(const std::string &uri, int port, int readyFd, int qos, long rowsPerMessage, bool compress)
{
    mqtt::create_options create(MQTTVERSION_3_1_1);
    create.set_max_buffered_messages(60000);
    mqtt::async_client b(uri, "floor-b", create);
    const bool batch = rowsPerMessage > 1;
    const std::string batchReceipt = batch ? receiptBatch(1, rowsPerMessage, compress) : std::string();
    b.set_message_callback([&](mqtt::const_message_ptr m) {
        if (batch) {
            b.publish("/mysql-sync/b/receipts/a", batchReceipt.data(), batchReceipt.size(), qos, false);
            return;
        }
        // A receipt like the engine's, echoing the change's table/id/date.
        const std::string receipt =
            "{\"sender\":\"b\",\"message\":\"data_received\",\"args\":{\"table\":\"t\",\"id\":\""
            + m->get_payload_str().substr(32, 8) + "\",\"date\":1767225600123}}";
        b.publish("/info/a", receipt.data(), receipt.size(), qos, false);
    });
    b.connect(options())->wait();
    b.subscribe(batch ? "/mysql-sync/a/batch/b" : "/change/b", 1)->wait();
    mysqlsync::disableNagle({port});
    if (::write(readyFd, "r", 1) != 1)
        return 1;
    ::close(readyFd);
    for (;;)
        ::pause();
}

} // namespace

int main(int argc, char **argv)
{
    int port = 0;
    long rows = 50000, window = 1000, brokerPid = 0, rowsPerMessage = 1;
    bool compress = false;
    int changeQos = 1, receiptQos = 1; // the protocol's: both QoS 1
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--port")
            port = std::atoi(argv[i + 1]);
        else if (key == "--rows")
            rows = std::atol(argv[i + 1]);
        else if (key == "--window")
            window = std::atol(argv[i + 1]);
        else if (key == "--broker-pid")
            brokerPid = std::atol(argv[i + 1]);
        else if (key == "--change-qos")
            changeQos = std::atoi(argv[i + 1]);
        else if (key == "--receipt-qos")
            receiptQos = std::atoi(argv[i + 1]);
        else if (key == "--rows-per-message")
            rowsPerMessage = std::max(1L, std::atol(argv[i + 1]));
        else if (key == "--compress")
            compress = std::atoi(argv[i + 1]) != 0;
        else {
            std::fprintf(stderr, "unknown option %s\n", key.c_str());
            return 2;
        }
    }
    if (port <= 0) {
        std::fprintf(stderr, "usage: %s --port P [--rows N] [--window W] [--broker-pid PID]\n", argv[0]);
        return 2;
    }
    const std::string uri = "tcp://127.0.0.1:" + std::to_string(port);
    mqtt::create_options create(MQTTVERSION_3_1_1);
    create.set_max_buffered_messages(60000);
    int ready[2];
    if (::pipe(ready) != 0)
        return 1;
    const pid_t responder = ::fork();
    if (responder == 0) {
        ::close(ready[0]);
        return runResponder(uri, port, ready[1], receiptQos, rowsPerMessage, compress);
    }
    ::close(ready[1]);
    char byte = 0;
    if (::read(ready[0], &byte, 1) != 1) {
        std::fprintf(stderr, "the responder did not start\n");
        return 1;
    }
    mqtt::async_client a(uri, "floor-a", create);

    std::mutex mutex;
    std::condition_variable changed;
    long answered = 0;
    a.set_message_callback([&](mqtt::const_message_ptr) {
        std::lock_guard<std::mutex> lock(mutex);
        ++answered;
        changed.notify_one();
    });
    a.connect(options())->wait();
    const bool batch = rowsPerMessage > 1;
    a.subscribe(batch ? "/mysql-sync/b/receipts/a" : "/info/a", 1)->wait();
    mysqlsync::disableNagle({port});

    const double brokerBefore = brokerPid ? cpuSeconds(brokerPid) : 0;
    const double selfBefore = cpuSeconds(getpid()) + cpuSeconds(responder);
    // The batch shape: every payload built before the clock starts.
    std::vector<size_t> batches; // each batch's payload: an index into `distinct`
    std::vector<long> batchRows;
    unsigned seed = 2;
    // At most kDistinct different payloads, used in turn: a long run (many batches, so that
    // it is measurable at all) needs no gigabytes of text, and the broker does not look inside.
    constexpr long kDistinct = 64;
    std::vector<std::string> distinct; // the payloads
    for (long first = 0, m = 0; batch && first < rows; first += rowsPerMessage, ++m) {
        const long n = std::min(rowsPerMessage, rows - first);
        if (m < kDistinct || n < rowsPerMessage) {
            distinct.push_back(changeBatch(first + 1, n, compress, &seed));
            batches.push_back(distinct.size() - 1);
        } else {
            batches.push_back(size_t(m % kDistinct));
        }
        batchRows.push_back(n);
    }
    const std::string receiptSample = batch ? receiptBatch(1, rowsPerMessage, compress) : std::string();
    const auto start = std::chrono::steady_clock::now();
    long sentRows = 0;
    for (size_t m = 0; m < batches.size(); ++m) {
        {
            // `answered` counts receipt messages here; they come back in order.
            std::unique_lock<std::mutex> lock(mutex);
            changed.wait(lock,
                         [&] { return sentRows + batchRows[m] - std::min(rows, answered * rowsPerMessage) <= window; });
        }
        const std::string &payload = distinct[batches[m]];
        a.publish("/mysql-sync/a/batch/b", payload.data(), payload.size(), changeQos, false);
        sentRows += batchRows[m];
    }
    if (batch) {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return answered >= long(batches.size()); });
    }
    char payload[160];
    for (long i = 0; i < rows && !batch; ++i) {
        {
            std::unique_lock<std::mutex> lock(mutex);
            changed.wait(lock, [&] { return i - answered < window; });
        }
        const int n = std::snprintf(payload, sizeof payload,
                                    "{\"sender\":\"a\",\"table\":\"t\",\"id\":\"%08ld\",\"date\":1767225600123,"
                                    "\"entity\":{\"id\":\"%08ld\",\"name\":\"item %ld\",\"qty\":%ld}}",
                                    i, i, i, i % 97);
        a.publish("/change/b", payload, size_t(n), changeQos, false);
    }
    {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return batch || answered >= rows; });
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double self = cpuSeconds(getpid()) + cpuSeconds(responder) - selfBefore;
    const double broker = brokerPid ? cpuSeconds(brokerPid) - brokerBefore : 0;
    std::printf("change QoS %d, receipt QoS %d, %ld rows, %ld per message%s, at most %ld rows unanswered\n", changeQos,
                receiptQos, rows, rowsPerMessage, compress && batch ? " (zlib)" : "", window);
    std::printf("%.2f s, %.0f rows/s\n", seconds, rows / seconds);
    std::printf("CPU: Paho clients %.2f s (%.0f us/row), broker %.2f s (%.0f us/row)\n", self, 1e6 * self / rows,
                broker, 1e6 * broker / rows);
    // Last line: the same as one JSON object (mysql-sync-bench reads it).
    std::printf("{\"rows\":%ld,\"seconds\":%.3f,\"rows_per_s\":%.0f,\"paho_cpu_us_per_row\":%.1f,"
                "\"broker_cpu_us_per_row\":%.1f,\"change_qos\":%d,\"receipt_qos\":%d,\"rows_per_message\":%ld,"
                "\"compress\":%s,\"change_bytes\":%zu,\"receipt_bytes\":%zu}\n",
                rows, seconds, rows / seconds, 1e6 * self / rows, 1e6 * broker / rows, changeQos, receiptQos,
                rowsPerMessage, compress && batch ? "true" : "false", batch ? distinct.front().size() : size_t(0),
                receiptSample.size());
    std::fflush(stdout);
    a.disconnect()->wait();
    ::kill(responder, SIGTERM);
    ::waitpid(responder, nullptr, 0);
    return 0;
}
