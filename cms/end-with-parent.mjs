// Preloaded (node --import) into the processes we start: the admin server, each publish and each
// preview build. Killed with SIGKILL, a parent cannot stop its children: an admin left running
// held its port, so the next `npm start` failed, and a publish ran on.
//
// A thread of its own watches for the parent, because the main thread cannot be trusted to: a
// fresh-clone run caught a publish whose build (rolldown's native workers) blocked the main thread
// for good once its output pipes had closed, so no event or timer of its own ever ran again.
// The parent's pid comes from the environment (cms/children.ts), so a parent that died while this
// process was still starting is noticed too. Plain JavaScript: Next's process runs without tsx.
import { Worker } from 'node:worker_threads'

const parent = Number(process.env.MODERSMAL_PARENT_PID)
// Not inherited by the processes this one starts: they have a parent of their own.
delete process.env.MODERSMAL_PARENT_PID
if (parent > 0) {
  const watch = new Worker(
    `const { workerData: parent } = require('node:worker_threads')
     const check = () => { if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL') }
     check()
     setInterval(check, 500)`,
    { eval: true, workerData: parent },
  )
  // The watch alone must not keep a finished process alive.
  watch.unref()
}
