import type { Request } from 'express';
import type { Picture } from '../../../../domain/picture/picture.js';
import { flash } from '../flash.js';
import { shownError } from '../shown-error.js';
import { MAX_FILES_PER_UPLOAD, readUploadForm } from '../upload-form.js';

/**
 * Stores every picture of an upload form with `add`, one by one, and tells the person what
 * happened to each (a refused file does not stop the others).
 */
export async function uploadPictures(
  req: Request,
  add: (bytes: Uint8Array) => Promise<Picture>,
): Promise<number> {
  const upload = await readUploadForm(req);
  let added = 0;
  for (const file of upload.files) {
    try {
      await add(file.bytes);
      added += 1;
    } catch (error) {
      const shown = shownError(error);
      if (!shown) throw error;
      flash(req, 'error', `${file.filename}: ${shown.message}`);
    }
  }
  for (const name of upload.tooLarge) flash(req, 'error', `${name}: Pictures may be at most 10 MiB.`);
  if (upload.tooMany) flash(req, 'error', `At most ${MAX_FILES_PER_UPLOAD} pictures at once, please.`);
  if (added > 0)
    flash(
      req,
      'success',
      added === 1 ? 'Picture added. Looking good!' : `${added} pictures added. Looking good!`,
    );
  else if (upload.files.length === 0 && upload.tooLarge.length === 0)
    flash(req, 'error', 'Please choose a picture first.');
  return added;
}
