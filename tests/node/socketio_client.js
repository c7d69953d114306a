// A socket.io v4 client as esink's browsers use it, for tst_feedsocketio: connects to the feed
// with {auth: {token}} over the websocket transport and prints one JSON line per thing that
// happens (connect, connect_error, disconnect, every event with its arguments). It exits on a
// connect_error, on a disconnect, or when its stdin closes.
//   node socketio_client.js URL TOKEN
'use strict';
const { io } = require('socket.io-client');

const [url, token] = process.argv.slice(2);
if (!url) {
  console.error('usage: node socketio_client.js URL TOKEN');
  process.exit(2);
}

function print(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, timeout: 20000 });
socket.on('connect', () => print({ event: 'connect', id: socket.id }));
socket.on('connect_error', (err) => {
  print({ event: 'connect_error', message: err.message, data: err.data === undefined ? null : err.data });
  process.exit(0);
});
socket.on('disconnect', (reason) => {
  print({ event: 'disconnect', reason });
  process.exit(0);
});
socket.onAny((event, ...args) => print({ event, args }));
process.stdin.on('end', () => {
  socket.close();
  process.exit(0);
});
process.stdin.resume();
