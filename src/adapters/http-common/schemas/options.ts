import { z } from 'zod';

const OptionList = z.array(z.strictObject({ key: z.string(), label: z.string() }));

export const Options = z
  .strictObject({
    gender: OptionList,
    color: OptionList,
    fabric: OptionList,
    thickness: OptionList,
    brand: OptionList,
    type: OptionList,
    size: OptionList,
    condition: OptionList,
    environment: OptionList,
  })
  .meta({ id: 'Options' });
