import path from 'node:path';
import { loadConfig, loadMessage, type BrokenMessage, type Message } from '../../src/workspace/index.js';
import { useTempDirs, type FileTree, type TempDir } from '../helpers/temp-dir.js';

const makeTempDir = useTempDirs();

export interface LoadedMessage {
  /** The temp project root; the workspace is `<root>/templates`. */
  project: TempDir;
  dir: string;
  result: Message | BrokenMessage;
}

/**
 * Writes one message folder `templates/<id>/` in a fresh temp project (file names relative to
 * it; `../` reaches beside it), then loads it the way the CLI does.
 */
export async function loadMessageFrom(files: FileTree, id = 'msg'): Promise<LoadedMessage> {
  const tree = Object.fromEntries(Object.entries(files).map(([relative, content]) => [path.posix.normalize(`templates/${id}/${relative}`), content]));
  const project = await makeTempDir(tree);
  const { config } = await loadConfig(project.root);
  const dir = path.join(config.workspace, id);
  return { project, dir, result: await loadMessage(dir, config) };
}

/** A temp directory outside the project (removed after the test), for escape attempts to aim at. */
export function makeOutsideDir(files: FileTree): Promise<TempDir> {
  return makeTempDir(files, 'txkit-outside-');
}
