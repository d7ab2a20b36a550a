import { type Workspace } from '../../runtime/workspace';
import { FormFacade } from './form';
import {
  Alignment,
  createForm,
  DestinationType,
  EmailCollectionType,
  formIdFromUrl,
  getForm,
  ItemType,
  PageNavigationType,
} from './model';
import {
  CheckboxValidationBuilderFacade,
  GridValidationBuilderFacade,
  TextValidationBuilderFacade,
} from './validation';

/**
 * The emulated FormApp. Forms live in the `forms` slot as plain data; the script sees facades that read
 * that data on every call (an item handle keeps working after the item is updated in place, as
 * Google's does, and fails once the item is deleted). Every script-facing method goes through
 * `ws.call('Forms', ...)`, except the `getId()` of a handle already in hand.
 */

export { type GivenAnswer, hostSubmit, type Submission } from './submit';
export {
  formSubmitEvent,
  hostFormIdByUrl,
  hostFormView,
  hostResponseEmails,
  responseLanding,
  snapshotForms,
  type FormItemView,
  type FormView,
} from './host';
export { publishedUrlOf, type EmailCollection, type ItemTypeName, type ResponseLanding } from './model';

export function formsGlobals(ws: Workspace): { FormApp: GoogleAppsScript.Forms.FormApp } {
  const FormApp = {
    ItemType,
    DestinationType,
    EmailCollectionType,
    PageNavigationType,
    Alignment,
    create(title: string): FormFacade {
      ws.call('Forms', 'create');
      return new FormFacade(ws, createForm(ws, String(title)).id);
    },
    openById(id: string): FormFacade {
      ws.call('Forms', 'openById');
      return new FormFacade(ws, getForm(ws, String(id)).id);
    },
    openByUrl(url: string): FormFacade {
      ws.call('Forms', 'openByUrl');
      return new FormFacade(ws, formIdFromUrl(ws, String(url)));
    },
    /** A spreadsheet-bound script has no active form. */
    getActiveForm(): null {
      ws.call('Forms', 'getActiveForm');
      return null;
    },
    createTextValidation(): TextValidationBuilderFacade {
      ws.call('Forms', 'createTextValidation');
      return new TextValidationBuilderFacade();
    },
    createParagraphTextValidation(): TextValidationBuilderFacade {
      ws.call('Forms', 'createParagraphTextValidation');
      return new TextValidationBuilderFacade();
    },
    createCheckboxValidation(): CheckboxValidationBuilderFacade {
      ws.call('Forms', 'createCheckboxValidation');
      return new CheckboxValidationBuilderFacade();
    },
    createGridValidation(): GridValidationBuilderFacade {
      ws.call('Forms', 'createGridValidation');
      return new GridValidationBuilderFacade();
    },
  };
  return { FormApp: FormApp as unknown as GoogleAppsScript.Forms.FormApp };
}
