/** What every page of the playground is rendered with: the playground, who looks, the request's URL. */
import type { Workspace } from '../runtime/workspace';
import type { Raw } from './html';
import type { Frame } from './layout';
import type { Playground } from './playground';
import type { Viewer } from './viewer';

export interface PageContext {
  playground: Playground;
  ws: Workspace;
  viewer: Viewer;
  url: URL;
  /** The whole page: `body` inside the frame of the viewer's apps and the clock. */
  render(title: string, app: string, body: Raw, extra?: Partial<Pick<Frame, 'wide' | 'flash'>>): string;
}
