// Preloaded (node --import) into the processes we start: the admin server, each publish and each
// preview build. Killed with SIGKILL, a parent cannot stop its children, and an admin left running
// held its port so the next `npm start` failed. The IPC channel to the parent closes when the
// parent dies, whatever killed it: the child then ends too. Plain JavaScript, because Next's
// process runs without tsx.
if (process.channel) {
  const parent = process.ppid
  const end = () => process.exit(1)
  // The parent may have died while this process was still starting, before anyone listened.
  if (!process.connected) end()
  process.on('disconnect', end)
  // The channel alone must not keep a finished process alive.
  process.channel.unref()
  // Should the event be missed all the same: an orphan is adopted by another process.
  setInterval(() => process.ppid !== parent && end(), 1000).unref()
}
