/** `npm run bench`: prints one line per figure. Benchmarks never fail the build; they inform. */
import { benchBackup } from './backup.ts';
import { benchCrypto } from './crypto.bench.ts';
import { benchEmergency } from './emergency.bench.ts';
import { benchFhir } from './fhir.bench.ts';
import { benchLighthouse } from './lighthouse.bench.ts';
import { benchPwa } from './pwa.bench.ts';
import { benchReplication } from './replication.bench.ts';
import { benchSse } from './sse.bench.ts';
import { benchSync } from './sync.bench.ts';

console.log(`Carnet benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
await benchCrypto();
await benchPwa();
await benchEmergency();
await benchSync();
await benchReplication();
// The production build benchPwa made (dist-bench-app/), served by the real server.
await benchLighthouse(new URL('../dist-bench-app', import.meta.url).pathname);
await benchSse();
await benchBackup();
await benchFhir();
