/** The name of this device's database; its own module so the entry chunk can name it without RxDB. */
export const DEFAULT_DATABASE_NAME = 'carnet';
