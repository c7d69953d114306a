// The MQTT floor: what the broker and Paho alone cost for the protocol's traffic, with no
// database and no engine. Two Paho clients, each in a process of its own as the two daemons
// are, stand for the two sites: "a" publishes N changes (QoS 1, /change/b, a realistic
// payload) keeping at most WINDOW unanswered; "b" answers each with a receipt (QoS 1,
// /info/a); "a" counts the receipts. Nagle's algorithm is off on both, as in the engine.
// Prints rows/s and the CPU seconds of both processes and of the broker, so that the engine's
// end-to-end figure (mysql-sync-bench) can be read against the ceiling Paho + Mosquitto set.
//   mysql-sync-mqtt-floor --port P [--rows N] [--window W] [--broker-pid PID]
//                         [--change-qos Q] [--receipt-qos Q]   (both 1 by default, as we publish)
#include "ProcStat.h"
#include "mqtt/NoDelay.h"

#include <mqtt/async_client.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

mqtt::connect_options options()
{
    mqtt::connect_options o;
    o.set_mqtt_version(MQTTVERSION_3_1_1);
    o.set_clean_session(true);
    o.set_max_inflight(4096);
    return o;
}

// Site "b": answers every change with a receipt until it is terminated.
int runResponder(const std::string &uri, int port, int readyFd, int qos)
{
    mqtt::create_options create(MQTTVERSION_3_1_1);
    create.set_max_buffered_messages(60000);
    mqtt::async_client b(uri, "floor-b", create);
    b.set_message_callback([&](mqtt::const_message_ptr m) {
        // A receipt like the engine's, echoing the change's table/id/date.
        const std::string receipt = "{\"sender\":\"b\",\"message\":\"data_received\",\"args\":{\"table\":\"t\",\"id\":\""
                                    + m->get_payload_str().substr(32, 8) + "\",\"date\":1767225600123}}";
        b.publish("/info/a", receipt.data(), receipt.size(), qos, false);
    });
    b.connect(options())->wait();
    b.subscribe("/change/b", 1)->wait();
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
    long rows = 50000, window = 1000, brokerPid = 0;
    int changeQos = 1, receiptQos = 1; // the protocol's: both QoS 1
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--port") port = std::atoi(argv[i + 1]);
        else if (key == "--rows") rows = std::atol(argv[i + 1]);
        else if (key == "--window") window = std::atol(argv[i + 1]);
        else if (key == "--broker-pid") brokerPid = std::atol(argv[i + 1]);
        else if (key == "--change-qos") changeQos = std::atoi(argv[i + 1]);
        else if (key == "--receipt-qos") receiptQos = std::atoi(argv[i + 1]);
        else { std::fprintf(stderr, "unknown option %s\n", key.c_str()); return 2; }
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
        return runResponder(uri, port, ready[1], receiptQos);
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
    a.subscribe("/info/a", 1)->wait();
    mysqlsync::disableNagle({port});

    const double brokerBefore = brokerPid ? cpuSeconds(brokerPid) : 0;
    const double selfBefore = cpuSeconds(getpid()) + cpuSeconds(responder);
    const auto start = std::chrono::steady_clock::now();
    char payload[160];
    for (long i = 0; i < rows; ++i) {
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
        changed.wait(lock, [&] { return answered >= rows; });
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double self = cpuSeconds(getpid()) + cpuSeconds(responder) - selfBefore;
    const double broker = brokerPid ? cpuSeconds(brokerPid) - brokerBefore : 0;
    std::printf("change QoS %d, receipt QoS %d, %ld rows, at most %ld unanswered\n", changeQos, receiptQos, rows, window);
    std::printf("%.2f s, %.0f rows/s\n", seconds, rows / seconds);
    std::printf("CPU: Paho clients %.2f s (%.0f us/row), broker %.2f s (%.0f us/row)\n", self, 1e6 * self / rows, broker,
                1e6 * broker / rows);
    // Last line: the same as one JSON object (mysql-sync-bench reads it).
    std::printf("{\"rows\":%ld,\"seconds\":%.3f,\"rows_per_s\":%.0f,\"paho_cpu_us_per_row\":%.0f,"
                "\"broker_cpu_us_per_row\":%.0f,\"change_qos\":%d,\"receipt_qos\":%d}\n",
                rows, seconds, rows / seconds, 1e6 * self / rows, 1e6 * broker / rows, changeQos, receiptQos);
    std::fflush(stdout);
    a.disconnect()->wait();
    ::kill(responder, SIGTERM);
    ::waitpid(responder, nullptr, 0);
    return 0;
}
