import * as yup from 'yup'

const schema = yup.object({
  name: yup.string().required().min(2),
  email: yup.string().email().required(),
  age: yup.number().integer().positive(),
  createdOn: yup.date().default(() => new Date(Date.UTC(2024, 0, 1))),
})

export default async function handler(req, res) {
  try {
    const value = await schema.validate(req.body, { abortEarly: false, stripUnknown: true })
    res.json({ value })
  } catch (err) {
    if (err instanceof yup.ValidationError) {
      return res.status(400).json({ name: err.name, errors: err.errors, paths: err.inner.map((e) => e.path) })
    }
    throw err
  }
}
