// Unmounts what each test rendered: without vitest globals, Testing Library does not do it itself.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(cleanup);
