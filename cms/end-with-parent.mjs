// Preloaded (node --import) into the processes we start: the admin server, each publish and each
// preview build. Killed with SIGKILL, a parent cannot stop its children, and an admin left running
// held its port so the next `npm start` failed. The IPC channel to the parent closes when the
// parent dies, whatever killed it: the child then ends too. Plain JavaScript, because Next's
// process runs without tsx.
if (process.channel) {
  process.on('disconnect', () => process.exit(1))
  // The channel alone must not keep a finished process alive.
  process.channel.unref()
}
