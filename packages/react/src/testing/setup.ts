// Unmounts what each test rendered (without vitest globals Testing Library does not do it
// itself), and gives asynchronous queries room on a slow, busy CI machine.
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

configure({ asyncUtilTimeout: 5000 });
afterEach(cleanup);
