// Component tests run beside the API suites on a 2-core CI machine: give findBy* queries room
// to wait when the machine is busy, instead of failing on Testing Library's 1 s default.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5000 });
